ALTER TABLE `bookmarks` ADD `title` text;
