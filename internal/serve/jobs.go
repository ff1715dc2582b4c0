package serve

import (
	"crypto/rand"
	"encoding/hex"
	"sync"
	"time"
)

// jobStore keeps finished jobs in memory, bounded by count, total bytes
// and age: the oldest go first.
type jobStore struct {
	mu       sync.Mutex
	jobs     map[string]*job
	order    []string // ids, oldest first
	bytes    int64
	maxJobs  int
	maxBytes int64
	ttl      time.Duration
	now      func() time.Time
}

func newJobStore(maxJobs int, maxBytes int64, ttl time.Duration, now func() time.Time) *jobStore {
	return &jobStore{jobs: map[string]*job{}, maxJobs: maxJobs, maxBytes: maxBytes, ttl: ttl, now: now}
}

// newID is an unguessable job id: the id is what admits a download.
func newID() string {
	var b [16]byte
	if _, err := rand.Read(b[:]); err != nil {
		// crypto/rand does not fail on the systems Go supports.
		panic(err)
	}
	return hex.EncodeToString(b[:])
}

// add stores j under a new id and returns it, dropping expired and, past
// the bounds, the oldest jobs.
func (s *jobStore) add(j *job) string {
	s.mu.Lock()
	defer s.mu.Unlock()
	j.id = newID()
	j.created = s.now()
	s.jobs[j.id] = j
	s.order = append(s.order, j.id)
	s.bytes += j.size()
	s.expire()
	for len(s.order) > 1 && (len(s.order) > s.maxJobs || s.bytes > s.maxBytes) {
		s.drop()
	}
	return j.id
}

// get returns the job with this id, or nil when there is none (or no
// longer).
func (s *jobStore) get(id string) *job {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.expire()
	return s.jobs[id]
}

func (s *jobStore) len() int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return len(s.order)
}

func (s *jobStore) expire() {
	now := s.now()
	for len(s.order) > 0 && now.Sub(s.jobs[s.order[0]].created) > s.ttl {
		s.drop()
	}
}

func (s *jobStore) drop() {
	id := s.order[0]
	s.order = s.order[1:]
	s.bytes -= s.jobs[id].size()
	delete(s.jobs, id)
}
