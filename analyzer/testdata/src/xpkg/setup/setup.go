package setup // want package:"poolcheck field reaches"

// Load builds another package's struct from the environment: what it
// falls back to is that struct's default for the packages that import
// this one.

import (
	"os"
	"time"

	"fixtures/src/xpkg/config"
)

func Load(timeout time.Duration) (*config.Env, error) { // want Load:"poolcheck func summary"
	cfg := &config.Env{
		MaxOpen:  config.EnvInt("DB_MAX_OPEN", config.DefaultMaxOpen),
		Lifetime: envDuration("DB_LIFETIME", 0),
		Timeout:  timeout, // a parameter: no default
		MaxIdle:  config.EnvInt("DB_MAX_IDLE", 0),
	}
	return cfg, nil
}

// LoadReplica changes what Load gives MaxIdle: the field has no default.
func LoadReplica() (*config.Env, error) {
	cfg, err := Load(0)
	cfg.MaxIdle *= 2
	return cfg, err
}

// Big and Small disagree on Idle: it has no default.
func Big() config.Env { return config.Env{Idle: 30} }

func Small() config.Env { return config.Env{Idle: 0} }

// envDuration returns def when the variable is unset.
func envDuration(key string, def time.Duration) time.Duration {
	if d, err := time.ParseDuration(os.Getenv(key)); err == nil {
		return d
	}
	return def
}
