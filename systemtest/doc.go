// Package systemtest proves pmpath's fault tolerance on the real binary: it
// builds pmpath, runs it as child processes on PostgreSQL and SQLite, and
// kills it mid-load, stops it with SIGTERM under load, cuts it off from its
// database, and runs two copies on one database.
//
// The tests are slow (minutes) and need a PostgreSQL server, so they are
// behind the "slow" build tag and plain `go test ./...` does not compile
// them:
//
//	PMPATH_TEST_POSTGRES_URL=postgres://postgres@127.0.0.1:5432/postgres?sslmode=disable \
//	    go test -tags slow -count=1 ./systemtest
//
// With the tag, nothing skips: an unset PMPATH_TEST_POSTGRES_URL fails the
// run.
package systemtest
