// Package redisopts covers go-redis Options and its siblings.
package redisopts

import (
	"time"

	"github.com/redis/go-redis/v9"
)

func clients() {
	_ = redis.NewClient(&redis.Options{Addr: "cache:6379", PoolSize: -1})                                               // want `\[value-panics\] PoolSize: -1`
	_ = redis.NewClusterClient(&redis.ClusterOptions{Addrs: []string{"a:6379"}, MaxIdleConns: 100, MaxActiveConns: 10}) // want `\[max-idle-above-max-open\] max_idle is 100 \(MaxIdleConns\) but max_open is 10`
	_ = redis.NewUniversalClient(&redis.UniversalOptions{Addrs: []string{"a:6379"}, ReadTimeout: 3})                    // want `\[duration-without-unit\] ReadTimeout\(3\) is 3 nanoseconds`
	opts := &redis.FailoverOptions{MasterName: "m", SentinelAddrs: []string{"s:26379"}}
	opts.DialTimeout = 10 * time.Second
	opts.PoolTimeout = 0
	_ = redis.NewFailoverClient(opts)
}
