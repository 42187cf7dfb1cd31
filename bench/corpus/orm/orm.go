// Package orm opens the gorm database.
package orm

import (
	"time"

	"gorm.io/driver/postgres"
	"gorm.io/gorm"
)

// Open opens gorm on PostgreSQL and sizes its pool.
func Open() (*gorm.DB, error) {
	db, err := gorm.Open(postgres.Open("host=db.internal user=app password=secret dbname=app port=5432 sslmode=disable TimeZone=UTC"), &gorm.Config{})
	if err != nil {
		return nil, err
	}
	sqlDB, err := db.DB()
	if err != nil {
		return nil, err
	}
	sqlDB.SetMaxIdleConns(10)
	sqlDB.SetMaxOpenConns(100)
	sqlDB.SetConnMaxLifetime(time.Hour)
	return db, nil
}

// Product is a gorm model.
type Product struct {
	gorm.Model
	Code  string
	Price uint
}

// Cheap lists the products under a price.
func Cheap(db *gorm.DB, max uint) ([]Product, error) {
	var ps []Product
	err := db.Where("price < ?", max).Find(&ps).Error
	return ps, err
}
