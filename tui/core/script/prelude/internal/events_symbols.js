'use strict';
// Symbols shared by events and its internal users (node's internal/events/symbols).
// kFirstEventParam: events.on() yields each event's first argument instead of
// the argument list (readline's async iterator yields lines, not [line]).
module.exports = { kFirstEventParam: Symbol('nodejs.kFirstEventParam') };
