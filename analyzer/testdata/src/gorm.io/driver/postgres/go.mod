module gorm.io/driver/postgres

go 1.26.0

require gorm.io/gorm v1.31.2
