package redisopts

import (
	"time"

	redisv8 "github.com/go-redis/redis/v8"
)

// go-redis v8: the same pool, with its own field names and defaults.
func v8() {
	_ = redisv8.NewClient(&redisv8.Options{Addr: "cache:6379", PoolSize: -1}) // want `\[value-panics\] PoolSize: -1`
	opts := &redisv8.Options{Addr: "cache:6379"}
	opts.IdleTimeout = 300 // want `\[duration-without-unit\] IdleTimeout\(300\) is 300 nanoseconds`
	opts.MaxConnAge = 30 * time.Minute
	opts.ReadTimeout = -1
	_ = redisv8.NewClient(opts)
	_ = redisv8.NewClusterClient(&redisv8.ClusterOptions{Addrs: []string{"a:6379"}, PoolSize: 20, IdleTimeout: 5 * time.Minute})
}
