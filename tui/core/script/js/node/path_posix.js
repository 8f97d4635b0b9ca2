'use strict';
// node:path/posix is path.posix (from the prelude)
module.exports = require('path').posix;
