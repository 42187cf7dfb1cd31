// Package cache opens the service's redis clients.
package cache

import (
	"context"
	"time"

	"github.com/redis/go-redis/v9"
)

// New returns the session cache client.
func New() *redis.Client {
	return redis.NewClient(&redis.Options{
		Addr:         "cache.internal:6379",
		Password:     "secret",
		DB:           0,
		PoolSize:     1000,
		MinIdleConns: 2,
		DialTimeout:  5 * time.Second,
		ReadTimeout:  3 * time.Second,
		WriteTimeout: 3 * time.Second,
		PoolTimeout:  0,
	})
}

// FromURL parses a redis URL with pool settings.
func FromURL() (*redis.Client, error) {
	opt, err := redis.ParseURL("redis://:secret@cache:6379/0?pool_size=20&min_idle_conns=2&dial_timeout=5s&read_timeout=3s&pool_timeout=4s")
	if err != nil {
		return nil, err
	}
	return redis.NewClient(opt), nil
}

// Cluster returns the cluster client.
func Cluster() *redis.ClusterClient {
	return redis.NewClusterClient(&redis.ClusterOptions{
		Addrs:    []string{"c1:6379", "c2:6379", "c3:6379"},
		PoolSize: 50,
	})
}

// Remember caches a value for a minute.
func Remember(ctx context.Context, c *redis.Client, key, value string) error {
	return c.Set(ctx, key, value, time.Minute).Err()
}
