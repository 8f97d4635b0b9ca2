// From doc/api/util.md "Custom inspection functions on objects": [util.inspect.custom](depth, options, inspect).
const util = require('node:util');

class Box {
  constructor(value) {
    this.value = value;
  }

  [util.inspect.custom](depth, options, inspect) {
    if (depth < 0) {
      return options.stylize('[Box]', 'special');
    }

    const newOptions = Object.assign({}, options, {
      depth: options.depth === null ? null : options.depth - 1,
    });

    // Five space padding because that's the size of "Box< ".
    const padding = ' '.repeat(5);
    const inner = inspect(this.value, newOptions)
                  .replace(/\n/g, `\n${padding}`);
    return `${options.stylize('Box', 'special')}< ${inner} >`;
  }
}

const box = new Box(true);

console.log(util.inspect(box));
// Returns: "Box< true >"
console.log(new Box(new Box({ a: 1 })));
console.log({ inner: { deeper: { box } } });

const password = { [util.inspect.custom]() { return 'Password <xxxxxxxx>'; } };
console.log(password, `${util.inspect(password)}`);
