package redisopts

import (
	"testing"
	"time"

	"github.com/redis/go-redis/v9"
)

func TestClient(t *testing.T) {
	opt, err := redis.ParseURL("redis://localhost:6379/1?pool_timeout=2s") // want `\[test-acquire-timeout-too-short\] acquire_timeout is 2s \(pool_timeout\) in test code`
	if err != nil {
		t.Skip(err)
	}
	opt.PoolSize = 1              // want `\[test-pool-too-small\] max_open is 1 \(PoolSize\) in test code`
	opt.DialTimeout = time.Second // want `\[test-connect-timeout-too-short\]`
	_ = redis.NewClient(opt)
}
