module github.com/go-redis/redis/v9

go 1.26.0
