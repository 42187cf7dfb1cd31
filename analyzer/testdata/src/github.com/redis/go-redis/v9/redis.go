// Package redis is a stand-in for github.com/redis/go-redis/v9 v9.23.0: only the declarations the
// fixtures use, with the real signatures and no real bodies. The
// difftest module checks them against the real package (TestStandIns).
package redis

import (
	"crypto/tls"
	"time"
)

type Client struct{}

type ClusterClient struct{}

type UniversalClient interface{}

type Options struct {
	Addr            string
	DialTimeout     time.Duration
	ReadTimeout     time.Duration
	WriteTimeout    time.Duration
	PoolSize        int
	PoolTimeout     time.Duration
	MinIdleConns    int
	MaxIdleConns    int
	MaxActiveConns  int
	ConnMaxIdleTime time.Duration
	ConnMaxLifetime time.Duration
	TLSConfig       *tls.Config
}

type ClusterOptions struct {
	Addrs           []string
	DialTimeout     time.Duration
	ReadTimeout     time.Duration
	WriteTimeout    time.Duration
	PoolSize        int
	PoolTimeout     time.Duration
	MinIdleConns    int
	MaxIdleConns    int
	MaxActiveConns  int
	ConnMaxIdleTime time.Duration
	ConnMaxLifetime time.Duration
	TLSConfig       *tls.Config
}

type UniversalOptions struct {
	Addrs           []string
	DialTimeout     time.Duration
	ReadTimeout     time.Duration
	WriteTimeout    time.Duration
	PoolSize        int
	PoolTimeout     time.Duration
	MinIdleConns    int
	MaxIdleConns    int
	MaxActiveConns  int
	ConnMaxIdleTime time.Duration
	ConnMaxLifetime time.Duration
	MasterName      string
	TLSConfig       *tls.Config
}

type FailoverOptions struct {
	MasterName      string
	SentinelAddrs   []string
	DialTimeout     time.Duration
	ReadTimeout     time.Duration
	WriteTimeout    time.Duration
	PoolSize        int
	PoolTimeout     time.Duration
	MinIdleConns    int
	MaxIdleConns    int
	MaxActiveConns  int
	ConnMaxIdleTime time.Duration
	ConnMaxLifetime time.Duration
}

func NewClient(opt *Options) *Client { panic("stand-in") }

func NewClusterClient(opt *ClusterOptions) *ClusterClient { panic("stand-in") }

func NewUniversalClient(opts *UniversalOptions) UniversalClient { panic("stand-in") }

func NewFailoverClient(failoverOpt *FailoverOptions) *Client { panic("stand-in") }

func ParseURL(redisURL string) (*Options, error) { panic("stand-in") }

func ParseClusterURL(redisURL string) (*ClusterOptions, error) { panic("stand-in") }
