module example.com/tasks

go 1.22

require (
	github.com/pressly/goose/v3 v3.18.0
	modernc.org/sqlite v1.28.0
)
