'use strict';
// node:fs/promises is fs.promises
module.exports = require('fs').promises;
