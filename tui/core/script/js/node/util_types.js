'use strict';
// node:util/types is util.types (from the prelude)
module.exports = require('util').types;
