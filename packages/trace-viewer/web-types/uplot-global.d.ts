// The page loads uPlot's minified build with a classic <script> (see
// static/index.html), which defines it as a global: the class, and the type
// of a chart. Its types are the package's own.
import type UPlot from 'uplot';

declare global {
  const uPlot: typeof UPlot;
  type uPlot = UPlot;
}
