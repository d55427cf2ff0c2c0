module example.com/tasks

go 1.22

require github.com/pressly/goose/v3 v3.20.0
