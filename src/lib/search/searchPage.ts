/** What the build reads from each indexed page (a Pagefind fragment) to write the small search files. */
export interface IndexedPage {
  url: string;
  title: string;
  content: string;
  topics: string[];
  headings: { id: string; text: string; level: number }[];
}
