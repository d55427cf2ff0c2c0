module github.com/acme/ledger

go 1.22

require (
	github.com/golang-migrate/migrate/v4 v4.17.0
	github.com/jackc/pgx/v5 v5.5.2
)

require (
	github.com/hashicorp/errwrap v1.1.0 // indirect
	go.uber.org/atomic v1.11.0 // indirect
)
