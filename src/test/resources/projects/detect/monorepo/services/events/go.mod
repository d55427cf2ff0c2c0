module github.com/acme/platform/services/events

go 1.22

require (
	github.com/lib/pq v1.10.9
	github.com/pressly/goose/v3 v3.19.2
)
