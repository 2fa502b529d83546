// JSON imports are bundled.
import people from '../../lib/people.json'
export default (req, res) => res.status(200).json(people)
