package redisopts

import (
	"time"

	oldredis "github.com/go-redis/redis/v9"
)

// go-redis v9's pre-releases lived at github.com/go-redis/redis/v9: the
// same options, judged the same way.
func prerelease() {
	_ = oldredis.NewClient(&oldredis.Options{Addr: "cache:6379", PoolSize: -1}) // want `\[value-panics\] PoolSize: -1`
	opts := &oldredis.Options{Addr: "cache:6379"}
	opts.ReadTimeout = 3 // want `\[duration-without-unit\] ReadTimeout\(3\) is 3 nanoseconds`
	opts.DialTimeout = 5 * time.Second
	_ = oldredis.NewClient(opts)
	if o, err := oldredis.ParseURL("redis://cache:6379/0?pool_size=x"); err == nil { // want `\[value-unparsable\] pool_size=x`
		_ = o
	}
}
