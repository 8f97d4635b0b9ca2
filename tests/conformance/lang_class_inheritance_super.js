// From MDN "Classes" / "extends" / "super": Animal/Dog, method overriding with super.speak(), static inheritance,
// instanceof, class fields with arrow functions and Symbol.toStringTag.
class Animal {
  constructor(name) {
    this.name = name;
  }
  speak() {
    console.log(`${this.name} makes a noise.`);
  }
  static create(name) { return new this(name); }
}
class Dog extends Animal {
  constructor(name) {
    super(name); // call the super class constructor and pass in the name parameter
  }
  speak() {
    super.speak();
    console.log(`${this.name} barks.`);
  }
}
const d = new Dog('Mitzie');
d.speak(); // Mitzie barks.
const d2 = Dog.create('Rex');
console.log(d2 instanceof Dog, d2 instanceof Animal, Object.getPrototypeOf(Dog) === Animal, d2.constructor.name);
class Button {
  label = 'ok';
  click = () => this.label;
  get [Symbol.toStringTag]() { return 'Btn'; }
}
const b = new Button();
const { click } = b;
console.log(click(), String(b), b);
