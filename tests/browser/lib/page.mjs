// Reads what a person sees on a board page through the hooks the page promises
// (docs/board.md): <section data-section>, data-value on every figure, data-name on person rows,
// data-ref on task and ticket rows. Everything is read in the page, after it has rendered.

export const SECTIONS = ['ranking-this-month', 'ranking-last-month', 'children-this-month', 'open-tasks',
  'tickets', 'trend', 'echo', 'ledger'];

export async function readBoard(page) {
  return page.evaluate(() => {
    const values = (el) => [el, ...el.querySelectorAll('[data-value]')]
      .filter((e) => e.hasAttribute('data-value')).map((e) => e.getAttribute('data-value'));
    const rows = (section, attr) => [...document.querySelectorAll(`[data-section="${section}"] [${attr}]`)]
      .map((el) => ({ key: el.getAttribute(attr), text: el.innerText, values: values(el) }));
    const sections = [...document.querySelectorAll('section[data-section]')].map((s) => {
      const box = s.getBoundingClientRect();
      return { name: s.getAttribute('data-section'), top: box.top + window.scrollY, left: box.left, width: box.width };
    });
    const refresh = document.querySelector('meta[http-equiv="refresh" i]');
    return {
      title: document.title,
      header: (document.querySelector('header') ?? document.body).innerText,
      sections,
      thisMonth: rows('ranking-this-month', 'data-name'),
      lastMonth: rows('ranking-last-month', 'data-name'),
      tasks: rows('open-tasks', 'data-ref'),
      echo: rows('echo', 'data-ref'),
      trend: [...document.querySelectorAll('[data-section="trend"] svg rect[data-month]')].map((r) => ({
        month: r.getAttribute('data-month'), received: r.getAttribute('data-received'), solved: r.getAttribute('data-solved'),
      })),
      ticketValues: [...document.querySelectorAll('[data-section="tickets"] [data-value]')].map((e) => e.getAttribute('data-value')),
      refresh: refresh ? refresh.getAttribute('content') : null,
      links: [...document.querySelectorAll('a[href]')].map((a) => a.getAttribute('href')),
      text: document.body.innerText,
      scrollWidth: document.documentElement.scrollWidth,
    };
  });
}

// The figure that names itself `key` in a section: an element whose data-* attribute (other than
// data-value/data-section) equals the key, and the data-value on it or inside it. The names of
// these attributes are not part of the contract, so any data-* attribute is accepted.
export async function figure(page, section, key) {
  return page.evaluate((sectionName, wanted) => {
    const root = document.querySelector(`[data-section="${sectionName}"]`);
    if (!root) return null;
    for (const el of root.querySelectorAll('*')) {
      for (const attr of el.attributes) {
        if (!attr.name.startsWith('data-') || attr.name === 'data-value' || attr.name === 'data-section') continue;
        if (attr.value !== wanted) continue;
        const holder = el.hasAttribute('data-value') ? el : el.querySelector('[data-value]');
        if (holder) return { attribute: attr.name, value: holder.getAttribute('data-value') };
      }
    }
    return null;
  }, section, key);
}
