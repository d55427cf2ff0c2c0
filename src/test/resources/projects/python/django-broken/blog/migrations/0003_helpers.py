# not a migration
X = 1
