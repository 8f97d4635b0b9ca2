'use strict';
// console.table: node's lib/internal/console/constructor.js table() and lib/internal/cli_table.js
// (v20: cells left-aligned), for arrays, plain objects, Maps and Sets.
const util = require('util');

const chars = {
  middleMiddle: '─', rowMiddle: '┼', topRight: '┐', topLeft: '┌', leftMiddle: '├', topMiddle: '┬',
  bottomRight: '┘', bottomLeft: '└', bottomMiddle: '┴', rightMiddle: '┤', left: '│ ', right: ' │', middle: ' │ ',
};
const width = (s) => util.getStringWidth ? util.getStringWidth(s) : s.length;

function renderRow(row, widths) {
  let out = chars.left;
  for (let i = 0; i < row.length; i++) {
    out += row[i] + ' '.repeat(widths[i] - width(row[i]));
    if (i !== row.length - 1) out += chars.middle;
  }
  return out + chars.right;
}

function cliTable(head, columns) {
  const rows = [];
  const widths = head.map((h) => width(h));
  const longest = Math.max(...columns.map((a) => a.length));
  for (let i = 0; i < head.length; i++) {
    const column = columns[i];
    for (let j = 0; j < longest; j++) {
      if (rows[j] === undefined) rows[j] = [];
      const value = rows[j][i] = Object.prototype.hasOwnProperty.call(column, j) ? column[j] : '';
      widths[i] = Math.max(widths[i] || 0, width(value));
    }
  }
  const divider = widths.map((w) => chars.middleMiddle.repeat(w + 2));
  let result = `${chars.topLeft}${divider.join(chars.topMiddle)}${chars.topRight}\n${renderRow(head, widths)}\n` +
    `${chars.leftMiddle}${divider.join(chars.rowMiddle)}${chars.rightMiddle}\n`;
  for (const row of rows) result += `${renderRow(row, widths)}\n`;
  return result + `${chars.bottomLeft}${divider.join(chars.bottomMiddle)}${chars.bottomRight}`;
}

function inspectCell(v) {
  const depth = v !== null && typeof v === 'object' && !Array.isArray(v) && Object.keys(v).length > 2 ? -1 : 0;
  return util.inspect(v, { depth, maxArrayLength: 3, breakLength: Infinity });
}

// the text console.table prints, or null when node would console.log the value instead
function table(data, properties) {
  if (data === null || typeof data !== 'object') return null;
  if (data instanceof Map || data instanceof Set) {
    const isMap = data instanceof Map;
    const idx = [];
    const keys = [];
    const values = [];
    let i = 0;
    for (const entry of data) {
      idx.push(String(i++));
      if (isMap) { keys.push(inspectCell(entry[0])); values.push(inspectCell(entry[1])); } else values.push(inspectCell(entry));
    }
    return isMap ? cliTable(['(iteration index)', 'Key', 'Values'], [idx, keys, values])
      : cliTable(['(iteration index)', 'Values'], [idx, values]);
  }
  const map = Object.create(null);
  let hasPrimitives = false;
  const valuesKeyArray = [];
  const indexKeyArray = Object.keys(data);
  for (let i = 0; i < indexKeyArray.length; i++) {
    const item = data[indexKeyArray[i]];
    const primitive = item === null || (typeof item !== 'function' && typeof item !== 'object');
    if (properties === undefined && primitive) {
      hasPrimitives = true;
      valuesKeyArray[i] = inspectCell(item);
    } else {
      const keys = properties || Object.keys(item);
      for (const key of keys) {
        if (map[key] === undefined) map[key] = [];
        if ((primitive && properties) || !Object.prototype.hasOwnProperty.call(item, key)) map[key][i] = '';
        else map[key][i] = inspectCell(item[key]);
      }
    }
  }
  const keys = Object.keys(map);
  const values = Object.values(map);
  if (hasPrimitives) { keys.push('Values'); values.push(valuesKeyArray); }
  keys.unshift('(index)');
  values.unshift(indexKeyArray);
  return cliTable(keys, values);
}
module.exports = { table };
