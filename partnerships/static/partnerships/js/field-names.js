// Wagtail 8 leaves two editor inputs without a name for assistive technology (axe:
// "label", "aria-input-field-name"): the tag field's typing box, which tag-it adds
// beside the real (hidden) input, and each rich text editor's text box. Name each
// after the label its field or StreamField block already shows.
(() => {
  const labelFor = (element) => {
    const block = element.closest("section[aria-labelledby]"); // a StreamField block
    if (block && block.contains(element) && element.closest("[data-streamfield-child]")) {
      return block.getAttribute("aria-labelledby");
    }
    const wrapper = element.closest("[data-field-wrapper], .w-panel");
    const source = wrapper && wrapper.querySelector("input[id], textarea[id]");
    const label = source && document.getElementById(`${source.id}-label`);
    return label ? label.id : null;
  };

  const nameInputs = () => {
    const unnamed = document.querySelectorAll(
      "ul.tagit input:not([aria-labelledby]):not([aria-label])," +
        ".public-DraftEditor-content[role='textbox']:not([aria-labelledby]):not([aria-label])",
    );
    unnamed.forEach((input) => {
      const id = labelFor(input);
      if (id) input.setAttribute("aria-labelledby", id);
    });
  };

  let scheduled = false;
  const schedule = () => {
    if (scheduled) return;
    scheduled = true;
    requestAnimationFrame(() => {
      scheduled = false;
      nameInputs();
    });
  };
  document.addEventListener("DOMContentLoaded", () => {
    nameInputs();
    new MutationObserver(schedule).observe(document.body, { childList: true, subtree: true });
  });
})();
