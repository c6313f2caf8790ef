package keyspace

// Stats are the keyspace's counters, as INFO stats reports them. They are kept by the commands
// themselves (one increment on a path that already touches the keyspace), so reading them costs
// nothing and keeping them costs no measurable time.
type Stats struct {
	// Hits and Misses count read lookups of keys that exist and that do not (keyspace_hits,
	// keyspace_misses): Redis counts a lookup made for reading, not one made for writing.
	Hits, Misses int64
	// ExpiredKeys counts keys deleted because their time to live ran out, lazily or by the
	// active-expiry cycle (expired_keys).
	ExpiredKeys int64
	// EvictedKeys counts keys evicted under memory pressure (evicted_keys); redmoon has no
	// maxmemory eviction, so it stays 0.
	EvictedKeys int64
}

// DBStats describe one database as the `# Keyspace` section of INFO does:
// dbID:keys=Keys,expires=Expires,avg_ttl=AvgTTL.
type DBStats struct {
	ID      int
	Keys    int // keys, expired ones not yet deleted included (DBSIZE)
	Expires int // keys with a time to live
	// AvgTTL is Redis's estimate of the average remaining time to live in milliseconds: the
	// active-expiry cycle measures the keys it samples and moves the estimate 1/50 of the way
	// toward their mean (starting from the first measurement). It is 0 until a cycle has
	// measured the database, and again once the database has no volatile keys at a cycle or is
	// flushed.
	AvgTTL int64
}

// Stats returns the counters. The keyspace lock must be held.
func (ks *Keyspace) Stats() Stats { return ks.stats }

// ResetStats sets the counters to zero (CONFIG RESETSTAT). The keyspace lock must be held.
func (ks *Keyspace) ResetStats() { ks.stats = Stats{} }

// DBStats returns the statistics of every database that holds keys, in database order, as INFO
// keyspace lists them. The keyspace lock must be held.
func (ks *Keyspace) DBStats() []DBStats {
	var out []DBStats
	for _, db := range ks.dbs {
		if db.Len() == 0 {
			continue
		}
		out = append(out, DBStats{ID: db.ID, Keys: db.Len(), Expires: len(db.expires), AvgTTL: db.avgTTL})
	}
	return out
}

// Expires returns the number of keys of the database that have a time to live.
func (db *DB) Expires() int { return len(db.expires) }

// updateAvgTTL folds one sample of the active-expiry cycle into the database's average-TTL
// estimate as Redis 7.0's activeExpireCycle does: sum is the remaining TTL (ms) of the n
// sampled keys that had not expired.
func (db *DB) updateAvgTTL(sum int64, n int64) {
	if n == 0 {
		return
	}
	avg := sum / n
	if db.avgTTL == 0 {
		db.avgTTL = avg
	}
	db.avgTTL = db.avgTTL/50*49 + avg/50
}
