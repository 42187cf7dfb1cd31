module github.com/pocketbase/dbx

go 1.26.0
