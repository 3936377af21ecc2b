/** A gzipped text file of data/, inflated by webpack (`scripts/gunzip-loader.cjs`) into a string. */
declare module '*.csv.gz' {
  const text: string;
  export default text;
}
