package flow

import "testing"

func TestConfigured(t *testing.T) {
	OpenConfigured(DBConfig{MaxOpenConns: 1, MaxIdleConns: 1}) // want `\[test-pool-too-small\] max_open is 1 \(SetMaxOpenConns, DBConfig.MaxOpenConns\)`
	_ = DBConfig{Retries: 1}
}
