'use strict';
// node:assert/strict is assert.strict (from the prelude)
module.exports = require('assert').strict;
