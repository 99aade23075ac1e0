//! Figures of history and culture: scientists, engineers, writers, artists,
//! architects, philosophers and foreign leaders of the past, whom articles name for a
//! flourish ("Its university shaped John Milton, Charles Darwin and Stephen Hawking",
//! "a signed photo of Fidel Castro", "George Orwell's journey into working-class
//! life"). None acts in today's debate (the annotation guide's 3.1: an actor acts
//! politically), so a person candidate of one of these names, named fewer than three
//! times, is no actor. British politicians of the past are left out on purpose: an
//! article may argue about what they did ("Ted Heath's government pooled sovereignty
//! in 1972"). The list was written from general knowledge (the best-known figures of
//! each kind, as in <https://en.wikipedia.org/wiki/100_Greatest_Britons>) after
//! reading the development parts' spurious actors, which gave 15 of its names; the
//! frozen parts were measured by their totals only.

/// The full names, as an article writes them.
const FIGURES: &[&str] = &[
    // science, medicine and engineering
    "Isaac Newton",
    "Charles Darwin",
    "Albert Einstein",
    "Stephen Hawking",
    "Francis Crick",
    "James Watson",
    "Rosalind Franklin",
    "Alan Turing",
    "Ada Lovelace",
    "Charles Babbage",
    "Michael Faraday",
    "James Clerk Maxwell",
    "Marie Curie",
    "Alexander Fleming",
    "Edward Jenner",
    "Joseph Lister",
    "Florence Nightingale",
    "Isambard Kingdom Brunel",
    "James Watt",
    "George Stephenson",
    "Robert Stephenson",
    "Thomas Telford",
    "Richard Arkwright",
    "Josiah Wedgwood",
    "Thomas Edison",
    "Nikola Tesla",
    "Galileo Galilei",
    "Louis Pasteur",
    "Ernest Rutherford",
    "John Logie Baird",
    "Alexander Graham Bell",
    "Robert Hooke",
    "Edmond Halley",
    "Frank Whittle",
    // writers and poets
    "William Shakespeare",
    "John Milton",
    "Geoffrey Chaucer",
    "Charles Dickens",
    "Jane Austen",
    "George Orwell",
    "George Bernard Shaw",
    "Thomas Hardy",
    "William Wordsworth",
    "William Blake",
    "Lord Byron",
    "Percy Bysshe Shelley",
    "John Keats",
    "Oscar Wilde",
    "Virginia Woolf",
    "D. H. Lawrence",
    "D.H. Lawrence",
    "J. B. Priestley",
    "J.B. Priestley",
    "Rudyard Kipling",
    "Charlotte Brontë",
    "Emily Brontë",
    "Samuel Johnson",
    "Robert Burns",
    "Walter Scott",
    "Dylan Thomas",
    "T. S. Eliot",
    "T.S. Eliot",
    "Arthur Conan Doyle",
    "Lewis Carroll",
    "H. G. Wells",
    "H.G. Wells",
    "Aldous Huxley",
    "Evelyn Waugh",
    "Elizabeth Gaskell",
    "Friedrich Engels",
    "Mark Twain",
    "Ernest Hemingway",
    "Leo Tolstoy",
    "Franz Kafka",
    "Homer",
    "Dante Alighieri",
    // artists, architects and designers
    "J. M. W. Turner",
    "J.M.W. Turner",
    "John Constable",
    "L. S. Lowry",
    "L.S. Lowry",
    "Henry Moore",
    "Barbara Hepworth",
    "Jacob Epstein",
    "Christopher Wren",
    "Le Corbusier",
    "Erno Goldfinger",
    "Ernő Goldfinger",
    "Peter Smithson",
    "Alison Smithson",
    "William Morris",
    "Charles Rennie Mackintosh",
    "Augustus Pugin",
    "John Nash",
    "Inigo Jones",
    "Capability Brown",
    "Pablo Picasso",
    "Leonardo da Vinci",
    "Michelangelo",
    "Vincent van Gogh",
    "Claude Monet",
    "Rembrandt",
    "Frank Lloyd Wright",
    "Ludwig Mies van der Rohe",
    // composers and performers of the past
    "Edward Elgar",
    "Wolfgang Amadeus Mozart",
    "Ludwig van Beethoven",
    "John Lennon",
    "Paul McCartney",
    "Charlie Chaplin",
    // philosophers
    "Adam Smith",
    "Karl Marx",
    "John Locke",
    "Thomas Hobbes",
    "David Hume",
    "John Stuart Mill",
    "Jeremy Bentham",
    "Edmund Burke",
    "Thomas Paine",
    "Mary Wollstonecraft",
    "Aristotle",
    "Plato",
    "Socrates",
    "Niccolò Machiavelli",
    "Niccolo Machiavelli",
    // benefactors and explorers
    "John Harvard",
    "Cecil Rhodes",
    "James Cook",
    "Captain Cook",
    "Christopher Columbus",
    "Walter Raleigh",
    "Francis Drake",
    // foreign leaders and figures of the past
    "Napoleon Bonaparte",
    "Julius Caesar",
    "Abraham Lincoln",
    "George Washington",
    "Thomas Jefferson",
    "Martin Luther King",
    "Martin Luther King Jr",
    "Mahatma Gandhi",
    "Fidel Castro",
    "Che Guevara",
    "Vladimir Lenin",
    "Joseph Stalin",
    "Adolf Hitler",
    "Benito Mussolini",
    "Mao Zedong",
    "Otto von Bismarck",
    "Charles de Gaulle",
    "Franklin D. Roosevelt",
    "Franklin Roosevelt",
    "John F. Kennedy",
];

/// Whether `sentence` quotes someone: a quotation mark and a verb of saying or
/// writing ("“Not London’s most distinguished thoroughfare,” wrote Virginia Woolf";
/// "Alison Smithson summed up their design herself, saying that ‘only through ...’").
/// A figure quoted so is a speaker, whom the annotation guide counts.
pub(super) fn quoted_in(sentence: &str) -> bool {
    const SAYING: &[&str] = &[
        "wrote",
        "writes",
        "said",
        "says",
        "saying",
        "argued",
        "argues",
        "observed",
        "noted",
        "declared",
        "warned",
        "put it",
        "summed up",
        "called",
    ];
    sentence.contains(['“', '”', '‘', '"'])
        && SAYING.iter().any(|v| {
            sentence
                .match_indices(v)
                .any(|(i, _)| !sentence[..i].ends_with(char::is_alphanumeric))
        })
}

/// Whether `name` is one of [`FIGURES`] (case as written, spaces folded).
pub(super) fn is_figure(name: &str) -> bool {
    let folded: String = name.split_whitespace().collect::<Vec<_>>().join(" ");
    FIGURES.contains(&folded.as_str())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn figures_are_full_names_without_repeats() {
        let mut seen = std::collections::BTreeSet::new();
        for f in FIGURES {
            assert!(seen.insert(*f), "{f} twice");
            assert!(f.trim() == *f && !f.contains("  "), "{f:?}");
        }
        assert!(is_figure("Charles  Darwin") && !is_figure("Charles Kennedy"));
    }

    /// Issue 12 (dev6, dev92): a figure of the past quoted in the article is a
    /// speaker the gold counts ("wrote Virginia Woolf"); one named in passing is not.
    #[test]
    fn a_quoted_figure_of_the_past_is_told_from_one_named_in_passing() {
        assert!(quoted_in(
            "“Not London’s most distinguished thoroughfare,” wrote Virginia Woolf, a novelist."
        ));
        assert!(quoted_in(
            "Alison Smithson summed up their grand design herself, saying that ‘only through construction can the utopia be realised’."
        ));
        assert!(!quoted_in(
            "Its university shaped John Milton, Charles Darwin and Stephen Hawking."
        ));
        assert!(!quoted_in(
            "Commentators reached for “The Road to Wigan Pier”, George Orwell’s journey into working-class life."
        ));
    }
}
