package stream

import "sort"

// NACK is a pending entry: delivered to a consumer of a group and not yet acknowledged.
type NACK struct {
	DeliveryTime  int64  // Unix ms of the last delivery
	DeliveryCount uint64 // number of deliveries
	Consumer      *Consumer
}

// Consumer is a consumer of a group, with its own pending entries.
type Consumer struct {
	Name     string
	SeenTime int64 // Unix ms of its last interaction
	PEL      *PEL
}

// Group is a consumer group.
type Group struct {
	Name        string
	LastID      ID    // last delivered ID
	EntriesRead int64 // logical read counter, or InvalidEntriesRead
	PEL         *PEL  // every pending entry of the group

	consumers map[string]*Consumer
	names     []string // sorted
}

// Group returns the group named name, or nil.
func (s *Stream) Group(name string) *Group { return s.groups[name] }

// Groups returns the groups in name order (the order of Redis's radix tree: bytewise).
func (s *Stream) Groups() []*Group {
	out := make([]*Group, len(s.groupNames))
	for i, n := range s.groupNames {
		out[i] = s.groups[n]
	}
	return out
}

// NumGroups is the number of consumer groups.
func (s *Stream) NumGroups() int { return len(s.groupNames) }

// CreateGroup adds a group; it returns nil when a group of that name exists.
func (s *Stream) CreateGroup(name string, last ID, entriesRead int64) *Group {
	if s.groups[name] != nil {
		return nil
	}
	g := &Group{Name: name, LastID: last, EntriesRead: entriesRead, PEL: &PEL{}, consumers: map[string]*Consumer{}}
	s.addGroup(g)
	return g
}

func (s *Stream) addGroup(g *Group) {
	if s.groups == nil {
		s.groups = map[string]*Group{}
	}
	s.groups[g.Name] = g
	s.groupNames = insertSorted(s.groupNames, g.Name)
}

// DestroyGroup removes a group; it reports whether it existed.
func (s *Stream) DestroyGroup(name string) bool {
	if s.groups[name] == nil {
		return false
	}
	delete(s.groups, name)
	s.groupNames = removeSorted(s.groupNames, name)
	return true
}

// Consumer returns the consumer named name, or nil.
func (g *Group) Consumer(name string) *Consumer { return g.consumers[name] }

// Consumers returns the consumers in name order.
func (g *Group) Consumers() []*Consumer {
	out := make([]*Consumer, len(g.names))
	for i, n := range g.names {
		out[i] = g.consumers[n]
	}
	return out
}

// NumConsumers is the number of consumers.
func (g *Group) NumConsumers() int { return len(g.names) }

// CreateConsumer adds a consumer seen at now; it returns nil when it exists.
func (g *Group) CreateConsumer(name string, now int64) *Consumer {
	if g.consumers[name] != nil {
		return nil
	}
	c := &Consumer{Name: name, SeenTime: now, PEL: &PEL{}}
	g.consumers[name] = c
	g.names = insertSorted(g.names, name)
	return c
}

// DeleteConsumer removes a consumer and its pending entries from the group's PEL too.
func (g *Group) DeleteConsumer(c *Consumer) {
	c.PEL.Ascend(ID{}, func(id ID, _ *NACK) bool {
		g.PEL.Delete(id)
		return true
	})
	delete(g.consumers, c.Name)
	g.names = removeSorted(g.names, c.Name)
}

// Ack removes an entry from the group's and its consumer's PEL; it reports whether it was
// pending.
func (g *Group) Ack(id ID) bool {
	n := g.PEL.Get(id)
	if n == nil {
		return false
	}
	g.PEL.Delete(id)
	if n.Consumer != nil {
		n.Consumer.PEL.Delete(id)
	}
	return true
}

func (g *Group) clone() *Group {
	c := &Group{Name: g.Name, LastID: g.LastID, EntriesRead: g.EntriesRead, PEL: &PEL{}, consumers: map[string]*Consumer{}}
	nacks := map[*NACK]*NACK{}
	g.PEL.Ascend(ID{}, func(id ID, n *NACK) bool {
		nn := *n
		nacks[n] = &nn
		c.PEL.Insert(id, &nn)
		return true
	})
	for _, name := range g.names {
		old := g.consumers[name]
		nc := &Consumer{Name: name, SeenTime: old.SeenTime, PEL: &PEL{}}
		old.PEL.Ascend(ID{}, func(id ID, n *NACK) bool {
			nn := nacks[n]
			nn.Consumer = nc
			nc.PEL.Insert(id, nn)
			return true
		})
		c.consumers[name] = nc
		c.names = append(c.names, name)
	}
	return c
}

func insertSorted(names []string, name string) []string {
	i := sort.SearchStrings(names, name)
	names = append(names, "")
	copy(names[i+1:], names[i:])
	names[i] = name
	return names
}

func removeSorted(names []string, name string) []string {
	i := sort.SearchStrings(names, name)
	if i < len(names) && names[i] == name {
		names = append(names[:i], names[i+1:]...)
	}
	return names
}
