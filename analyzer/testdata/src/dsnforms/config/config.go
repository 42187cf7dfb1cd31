// Package config holds DSNs that another package uses.
package config

// ReportsDSN is the reporting database.
const ReportsDSN = "postgres://reports@db:5432/reports?pool_max_conns=0"
