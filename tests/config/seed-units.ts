/**
 * Splits a seed document into its items: `- ` bullets, table data rows and sentence paragraphs, each with the
 * section and the nearest heading it sits under. The seeds are pasted web pages: inline code lost its line
 * breaks, so one line may hold several bullets (" - " before a capital) and a bullet may run over lines.
 */
export interface SeedUnit {
  section: string;
  heading: string;
  kind: 'bullet' | 'row' | 'paragraph';
  text: string;
}

export interface ParsedSeed {
  units: SeedUnit[];
  /** Every heading line, in order, including the title and sub-headings. */
  headings: string[];
}

const SEPARATOR_ROW = /^\|?[\s|:]*-{3,}[\s|:-]*\|?$/;

export function parseSeed(text: string, sections: readonly string[]): ParsedSeed {
  const units: SeedUnit[] = [];
  const headings: string[] = [];
  let section: string | undefined;
  let heading = '';
  let bullet: SeedUnit | undefined;
  let previousWasTable = false;

  const flush = () => {
    if (bullet)
      for (const part of bullet.text.split(/\s-\s(?=[A-Z])/)) units.push({ ...bullet, text: part.trim() });
    bullet = undefined;
  };
  const add = (kind: SeedUnit['kind'], line: string) => {
    if (section !== undefined) units.push({ section, heading, kind, text: line });
  };

  for (const line of text.split(/\r?\n/).map((l) => l.trim())) {
    if (line === '') continue;
    const isTable = line.startsWith('|') || line.endsWith('|');
    if (line.startsWith('- ')) {
      flush();
      if (section !== undefined) bullet = { section, heading, kind: 'bullet', text: line.slice(2) };
      previousWasTable = false;
      continue;
    }
    if (isTable) {
      flush();
      // The first row after non-table text is the header; separator rows carry nothing.
      if (previousWasTable && !SEPARATOR_ROW.test(line)) add('row', line);
      previousWasTable = true;
      continue;
    }
    previousWasTable = false;
    if (bullet && !/[.):]$/.test(bullet.text)) {
      bullet.text += ` ${line}`;
      continue;
    }
    flush();
    if (line.endsWith('.')) add('paragraph', line);
    else if (!line.endsWith(':')) {
      headings.push(line);
      heading = line;
      if (sections.includes(line)) section = line;
    }
  }
  flush();
  return { units, headings };
}
