// Modelled on MDN "Classes" examples as people log them in node: a class, an instance, a subclass instance, static
// members, an accessor, a null-prototype object and an anonymous class.
class Rectangle {
  static count = 0;
  constructor(height, width) {
    this.height = height;
    this.width = width;
    Rectangle.count++;
  }
  get area() {
    return this.calcArea();
  }
  calcArea() {
    return this.height * this.width;
  }
}
class Square extends Rectangle {
  constructor(side) {
    super(side, side);
    this.kind = 'square';
  }
}
const r = new Rectangle(10, 10);
console.log(r, r.area);
console.log(new Square(3));
console.log(Rectangle, Square, Rectangle.count);
console.log([Rectangle], { cls: Square });
console.log(Object.create(null), Object.assign(Object.create(null), { x: 1 }));
console.log(new (class {})(), class {}, new (class Foo { constructor() { this.y = 2; } })());
