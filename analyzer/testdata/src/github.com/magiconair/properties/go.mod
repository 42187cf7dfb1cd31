module github.com/magiconair/properties

go 1.26.0
