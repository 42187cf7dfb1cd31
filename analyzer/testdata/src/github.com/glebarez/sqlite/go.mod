module github.com/glebarez/sqlite

go 1.26.0

require gorm.io/gorm v1.31.2
