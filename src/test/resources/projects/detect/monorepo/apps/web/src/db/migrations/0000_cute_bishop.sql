CREATE TABLE `bookmarks` (
	`id` integer PRIMARY KEY NOT NULL,
	`url` text NOT NULL
);
