# helper notes, not a revision
SOMETHING = 1
