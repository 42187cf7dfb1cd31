// Package tlsfields sets the drivers' *tls.Config fields: -inventory
// lists each as tls_mode "?", and no rule judges them, not even nil.
package tlsfields

import (
	"crypto/tls"

	"github.com/go-sql-driver/mysql"
	"github.com/jackc/pgx/v5"
	"github.com/redis/go-redis/v9"
)

func Redis(conf *tls.Config) *redis.Options { // want Redis:"poolcheck func summary"
	return &redis.Options{Addr: "cache:6379", TLSConfig: conf}
}

func RedisCluster() *redis.UniversalOptions {
	return &redis.UniversalOptions{Addrs: []string{"cache:6379"}, TLSConfig: &tls.Config{ServerName: "cache"}}
}

func MySQL() *mysql.Config {
	cfg := mysql.NewConfig()
	cfg.TLS = nil
	return cfg
}

func Pgx(cfg *pgx.ConnConfig) {
	cfg.TLSConfig = &tls.Config{InsecureSkipVerify: true}
}
