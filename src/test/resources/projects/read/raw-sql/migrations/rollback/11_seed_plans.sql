DELETE FROM plans WHERE name = 'free';
