CREATE TABLE `items` (
	`id` serial AUTO_INCREMENT PRIMARY KEY NOT NULL,
	`name` varchar(120) NOT NULL
);
