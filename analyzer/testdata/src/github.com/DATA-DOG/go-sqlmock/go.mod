module github.com/DATA-DOG/go-sqlmock

go 1.26.0
