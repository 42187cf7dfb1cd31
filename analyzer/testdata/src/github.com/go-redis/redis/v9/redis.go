// Package redis is a stand-in for github.com/go-redis/redis/v9 v9.0.0-rc.1, the import path of
// go-redis v9's pre-releases: only the declarations the fixtures use, with the real
// signatures and no real bodies. The difftest module checks them against the real
// package (TestStandIns).
package redis

import "time"

type Client struct{}

type Options struct {
	Addr            string
	DialTimeout     time.Duration
	ReadTimeout     time.Duration
	WriteTimeout    time.Duration
	PoolSize        int
	PoolTimeout     time.Duration
	MinIdleConns    int
	MaxIdleConns    int
	ConnMaxIdleTime time.Duration
	ConnMaxLifetime time.Duration
}

func NewClient(opt *Options) *Client { panic("stand-in") }

func ParseURL(redisURL string) (*Options, error) { panic("stand-in") }
