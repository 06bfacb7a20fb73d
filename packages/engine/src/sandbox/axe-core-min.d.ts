// axe-core's minified build is the same module as its main entry, which carries the types.
declare module "axe-core/axe.min.js" {
  import axe from "axe-core"

  export default axe
}
