// Package redis is a stand-in for github.com/go-redis/redis/v8 v8.11.5: only the
// declarations the fixtures use, with the real signatures and no real bodies. The
// difftest module checks them against the real package (TestStandIns).
package redis

import "time"

type Client struct{}

type Options struct {
	Addr         string
	DialTimeout  time.Duration
	ReadTimeout  time.Duration
	WriteTimeout time.Duration
	PoolSize     int
	MinIdleConns int
	MaxConnAge   time.Duration
	PoolTimeout  time.Duration
	IdleTimeout  time.Duration
}

func NewClient(opt *Options) *Client { panic("stand-in") }

type ClusterOptions struct {
	Addrs       []string
	PoolSize    int
	IdleTimeout time.Duration
}

type ClusterClient struct{}

func NewClusterClient(opt *ClusterOptions) *ClusterClient { panic("stand-in") }
