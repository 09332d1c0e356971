package cn.shishi.console.pages;

import cn.shishi.console.session.Person;

/**
 * What the frame of every page shows: its language, the switch to the other one (and where it leads
 * back to), who is signed in, and which section the page belongs to.
 */
public record Page(String lang, String otherLanguage, String back, Person person, String section) {}
