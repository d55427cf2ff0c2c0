-- Flyway / golang-migrate style MySQL migration with stored code
CREATE TABLE `inventory` (
  `sku` varchar(64) NOT NULL,
  `qty` int NOT NULL DEFAULT '0',
  `reserved` int unsigned NOT NULL DEFAULT 0,
  `updated_at` datetime(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3) ON UPDATE CURRENT_TIMESTAMP(3),
  PRIMARY KEY (`sku`),
  CONSTRAINT `chk_qty` CHECK ((`qty` >= 0))
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_0900_ai_ci;

DELIMITER $$
CREATE DEFINER=`app`@`%` PROCEDURE `reserve`(IN p_sku VARCHAR(64), IN p_n INT)
BEGIN
  DECLARE EXIT HANDLER FOR SQLEXCEPTION
  BEGIN
    ROLLBACK;
    RESIGNAL;
  END;
  START TRANSACTION;
  UPDATE inventory SET reserved = reserved + p_n WHERE sku = p_sku;
  COMMIT;
END$$

CREATE TRIGGER `inventory_bu` BEFORE UPDATE ON `inventory`
FOR EACH ROW
BEGIN
  IF NEW.qty < NEW.reserved THEN
    SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'qty < reserved';
  END IF;
END$$
DELIMITER ;

ALTER TABLE `inventory` ADD COLUMN `location` varchar(32) NULL AFTER `sku`, ALGORITHM=INSTANT;
